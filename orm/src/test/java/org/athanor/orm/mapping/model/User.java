package org.athanor.orm.mapping.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/** The tutorial's User, with one field of most supported kinds; non-private fields (direct access). */
@Entity
@Table(name = "users", indexes = @Index(columnList = "age, status"),
        uniqueConstraints = @UniqueConstraint(name = "uq_users_name_email", columnNames = {"name", "email"}))
public class User {
    public static final int MAX_NAME = 50;

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(length = 50, nullable = false)
    String name;
    @Column(unique = true)
    String email;
    int age;
    String firstName;
    Status status;
    @Enumerated(EnumType.ORDINAL)
    Status level;
    @Column(precision = 10, scale = 2)
    BigDecimal balance;
    LocalDateTime createdAt;
    UUID externalId;
    byte[] avatar;
    boolean active;
    @Version
    long version;
    @Transient
    String scratch;
    transient int cachedHash;

    public User() {}

    public User(String name, int age) {
        this.name = name;
        this.age = age;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public int getAge() { return age; }
}
