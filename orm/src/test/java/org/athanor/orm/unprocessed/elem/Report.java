package org.athanor.orm.unprocessed.elem;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A JOINED subclass of {@link Doc} with an element collection of its own (a bag of page numbers). */
@Entity
@Table(name = "ec_report")
public class Report extends Doc {
    @ElementCollection List<Integer> pages = new ArrayList<>();

    protected Report() {}

    public Report(String title) { super(title); }

    public List<Integer> getPages() { return pages; }
}
