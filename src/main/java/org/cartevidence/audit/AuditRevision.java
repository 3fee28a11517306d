package org.cartevidence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One committed write transaction as Envers records it: when, and on whose authority. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AuthorListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revinfo_seq")
    @SequenceGenerator(name = "revinfo_seq", sequenceName = "revinfo_seq", allocationSize = 50)
    @RevisionNumber
    @Column(name = "rev")
    public long id;

    /** Milliseconds since the epoch. */
    @RevisionTimestamp
    @Column(name = "revtstmp", nullable = false)
    public long timestamp;

    @Column(name = "username", nullable = false, length = 200)
    public String username;
}
