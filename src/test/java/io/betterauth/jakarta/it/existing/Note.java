package io.betterauth.jakarta.it.existing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The existing application's own entity. */
@Entity
@Table(name = "app_note")
public class Note {

    @Id
    private String id;
    private String owner;
    private String text;

    protected Note() {
    }

    public Note(String id, String owner, String text) {
        this.id = id;
        this.owner = owner;
        this.text = text;
    }

    public String getText() {
        return text;
    }
}
