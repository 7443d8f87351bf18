package org.athanor.orm.model.dirty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One field of each kind the generated accessor compares its own way ({@code differs}): primitives, a boxed number,
 * a String, a BigDecimal (by value), a byte[] (by content), an enum, a LocalDate. Private fields without accessors
 * (read through VarHandles) and package-private ones (read directly) both.
 */
@Entity
@Table(name = "dirty_gauge")
public class Gauge {
    public enum Mode { IDLE, RUNNING }

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    private int count;
    long total;
    private double ratio;
    boolean flag;
    private Integer boxed;
    String label;
    @Column(precision = 10, scale = 2) private BigDecimal price;
    private byte[] data;
    @Enumerated(EnumType.STRING) Mode mode;
    private LocalDate day;

    protected Gauge() {}

    public Gauge(String label) {
        this.label = label;
        this.count = 1;
        this.total = 10_000_000_000L;
        this.ratio = 1.5;
        this.boxed = 1000;
        this.price = new BigDecimal("1.50");
        this.data = new byte[] {1, 2, 3};
        this.mode = Mode.IDLE;
        this.day = LocalDate.of(2024, 2, 29);
    }

    public Long getId() { return id; }
    public int getCount() { return count; }
    public void setCount(int count) { this.count = count; }
    public long getTotal() { return total; }
    public void setTotal(long total) { this.total = total; }
    public double getRatio() { return ratio; }
    public void setRatio(double ratio) { this.ratio = ratio; }
    public boolean isFlag() { return flag; }
    public void setFlag(boolean flag) { this.flag = flag; }
    public Integer getBoxed() { return boxed; }
    public void setBoxed(Integer boxed) { this.boxed = boxed; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public byte[] getData() { return data; }
    public void setData(byte[] data) { this.data = data; }
    public Mode getMode() { return mode; }
    public void setMode(Mode mode) { this.mode = mode; }
    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
}
