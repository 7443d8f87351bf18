package org.athanor.orm.model.tpc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "inh_canvas")
public class Canvas {
    @Id
    public Long id;
    public String title;
    @OneToMany(mappedBy = "canvas")
    @OrderBy("name")
    public List<Shape> shapes = new ArrayList<>();

    public Canvas() {}

    public Canvas(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
