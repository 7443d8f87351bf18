package org.athanor.orm.model.one;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** A mapping mistake for the registry: mappedBy names a reference that is not a one-to-one back to Shadow. */
@Entity
@Table(name = "one_shadow")
public class Shadow {
    @Id private Long id;
    @OneToOne(mappedBy = "holder")
    private Passport passport;

    protected Shadow() {}
}
