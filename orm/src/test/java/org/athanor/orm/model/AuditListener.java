package org.athanor.orm.model;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/** An entity listener for every event, taking Object; named by {@link Audited}'s @EntityListeners. */
public class AuditListener {
    public AuditListener() {}

    @PrePersist void prePersist(Object e) { Audited.log("Audit.PrePersist", e); }
    @PostPersist void postPersist(Object e) { Audited.log("Audit.PostPersist", e); }
    @PreUpdate void preUpdate(Object e) { Audited.log("Audit.PreUpdate", e); }
    @PostUpdate void postUpdate(Object e) { Audited.log("Audit.PostUpdate", e); }
    @PreRemove void preRemove(Object e) { Audited.log("Audit.PreRemove", e); }
    @PostRemove void postRemove(Object e) { Audited.log("Audit.PostRemove", e); }
    @PostLoad void postLoad(Object e) { Audited.log("Audit.PostLoad", e); }
}
