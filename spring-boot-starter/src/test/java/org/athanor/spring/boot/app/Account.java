package org.athanor.spring.boot.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "accounts")
public class Account {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(nullable = false, unique = true, length = 50) public String owner;
    @Column(nullable = false) public int balance;

    protected Account() {}

    public Account(String owner, int balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
