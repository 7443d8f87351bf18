package org.athanor.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The issue 15 benchmark child: a post and its required user (JPA's EAGER default on both ORMs). */
@Entity
@Table(name = "bench_rel_post")
public class RelPost {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(length = 255) private String title;
    @ManyToOne(optional = false) @JoinColumn(name = "user_id") private RelUser user;

    protected RelPost() {}

    public RelPost(String title) { this.title = title; }

    /** For the hand-written JDBC peer. */
    RelPost(Long id, String title, RelUser user) {
        this(title);
        this.id = id;
        this.user = user;
    }

    void assignId(Long id) { this.id = id; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public RelUser getUser() { return user; }
    public void setUser(RelUser user) { this.user = user; }
}
