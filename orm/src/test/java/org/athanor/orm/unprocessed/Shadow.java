package org.athanor.orm.unprocessed;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.athanor.orm.model.one.Passport;

/**
 * A mapping mistake: mappedBy names a reference that is not a one-to-one back to Shadow. Not processed (the processor
 * refuses it at compile time, LinkChecks); the runtime refuses it when the registry maps it.
 */
@Entity
@Table(name = "one_shadow")
public class Shadow {
    @Id private Long id;
    @OneToOne(mappedBy = "holder")
    private Passport passport;

    protected Shadow() {}
}
