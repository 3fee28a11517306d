package org.cartevidence.security;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An account of the embedded HTTP Basic login: Quarkus Security JPA checks the password against the bcrypt hash
 * (modular crypt format) and grants the comma-separated roles. Never audited, never answered as JSON.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 1)
    public Long id;

    @Username
    @Column(nullable = false, unique = true)
    public String username;

    @Password
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Roles
    @Column(nullable = false)
    public String roles;
}
