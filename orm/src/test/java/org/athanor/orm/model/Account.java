package org.athanor.orm.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Application-assigned id and an optimistic-locking version. */
@Entity
@Table(name = "accounts")
public class Account {
    @Id
    private Long id;
    @Version
    private Integer version;
    @Column(length = 40)
    private String owner;
    private Long balance;

    protected Account() {}

    public Account(Long id, String owner, Long balance) {
        this.id = id;
        this.owner = owner;
        this.balance = balance;
    }

    public Long getId() { return id; }
    public Integer getVersion() { return version; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public Long getBalance() { return balance; }
    public void setBalance(Long balance) { this.balance = balance; }
}
