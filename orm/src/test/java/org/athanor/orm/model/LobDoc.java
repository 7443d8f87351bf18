package org.athanor.orm.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** {@code @Lob} on a String (a large text column) and on a byte[] (a large binary column). */
@Entity
@Table(name = "lob_doc")
public class LobDoc {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @Lob
    private String body;
    @Lob
    private byte[] data;

    protected LobDoc() {}

    public LobDoc(String title, String body, byte[] data) {
        this.title = title;
        this.body = body;
        this.data = data;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public byte[] getData() { return data; }
}
