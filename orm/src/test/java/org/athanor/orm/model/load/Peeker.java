package org.athanor.orm.model.load;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import java.util.function.Consumer;

/** An entity whose {@code @PostLoad} runs a hook the test sets: a callback that looks at the session mid-load. */
@Entity
@Table(name = "load_peeker")
public class Peeker {
    /** Run by every load of a Peeker (null: nothing); a test sets it and clears it. */
    public static volatile Consumer<Peeker> onLoad;

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;

    protected Peeker() {}

    public Peeker(String name) { this.name = name; }

    @PostLoad
    void loaded() {
        Consumer<Peeker> hook = onLoad;
        if (hook != null) hook.accept(this);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
