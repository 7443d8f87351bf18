package org.athanor.benchmarks;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The issue 15 benchmark parent, mapped by Athanor's ORM and Hibernate 7 from the same annotations:
 * a user and its posts (in key order on both sides, so every peer builds the same lists).
 */
@Entity
@Table(name = "bench_rel_user")
public class RelUser {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(length = 255) private String name;
    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<RelPost> posts = new ArrayList<>();

    protected RelUser() {}

    public RelUser(String name) { this.name = name; }

    /** For the hand-written JDBC peer, which builds the same objects. */
    RelUser(Long id, String name) {
        this(name);
        this.id = id;
    }

    void assignId(Long id) { this.id = id; }

    /** Adds a post and sets its user: what the ORMs' own back-population does, written for Hibernate and JDBC. */
    void addPost(RelPost p) {
        posts.add(p);
        p.setUser(this);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<RelPost> getPosts() { return posts; }
}
