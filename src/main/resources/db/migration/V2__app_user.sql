-- Accounts of the embedded HTTP Basic login (Quarkus Security JPA): a bcrypt hash in modular crypt format and
-- comma-separated roles. The account 'curator' is created at start from CARTEVIDENCE_CURATOR_PASSWORD.

create sequence app_user_seq start with 1 increment by 1;

create table app_user (
    id             bigint        not null primary key,
    username       varchar(100)  not null,
    password_hash  varchar(100)  not null,
    roles          varchar(200)  not null,
    constraint uk_app_user_username unique (username)
);
