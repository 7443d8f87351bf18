package org.athanor.orm.tutorial;

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

/** SQLAlchemy's ORM quickstart {@code User}: {@code addresses = relationship(back_populates="user", cascade="all, delete-orphan")}. */
@Entity
@Table(name = "tut_user_account")
public class TutUser {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
    @Column(nullable = false, length = 30) private String name;
    private String fullname;
    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<TutAddress> addresses = new ArrayList<>();

    protected TutUser() {}

    public TutUser(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getFullname() { return fullname; }
    public void setFullname(String fullname) { this.fullname = fullname; }
    public List<TutAddress> getAddresses() { return addresses; }
    @Override public String toString() { return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ")"; }
}
