package org.athanor.orm.unprocessed;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.athanor.orm.model.embed.Address;

/** An embedded value the processor skips: read and written by the runtime's MethodHandle accessor. */
@Entity
public class Parcel {
    @Id
    public Long id;
    @Embedded
    public Address destination;

    protected Parcel() {}
}
