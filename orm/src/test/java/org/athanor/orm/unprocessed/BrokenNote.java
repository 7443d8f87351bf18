package org.athanor.orm.unprocessed;

import jakarta.persistence.Entity;

/** A deliberate mistake (no @Id) that compiles because the package is excluded from processing. */
@Entity
public class BrokenNote {
    String text;
}
