package org.athanor.orm.model.casc;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Blog.entries cascades everything (ALL); Blog.banner (inverse one-to-one) MERGE, REFRESH and DETACH. */
@Entity
@Table(name = "casc_blog")
public class Blog {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @OneToMany(mappedBy = "blog", cascade = CascadeType.ALL)
    @OrderBy("title")
    private List<Entry> entries = new ArrayList<>();
    @OneToOne(mappedBy = "blog", cascade = {CascadeType.MERGE, CascadeType.REFRESH, CascadeType.DETACH})
    private Banner banner;

    protected Blog() {}

    public Blog(String title) { this.title = title; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public List<Entry> getEntries() { return entries; }
    public Banner getBanner() { return banner; }
    public void setBanner(Banner banner) { this.banner = banner; }
    @Override public String toString() { return "Blog(" + title + ")"; }
}
