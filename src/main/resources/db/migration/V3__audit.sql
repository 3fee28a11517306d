-- Audit (Hibernate Envers): one revinfo row per write transaction (who, when) and, for each audited table, an _aud
-- table holding every state a record had, keyed by record and revision, with revtype 0 created, 1 updated,
-- 2 deleted (a deletion keeps the last values). Portable SQL, as V1. The _aud tables point at revinfo only, never
-- at the live tables, so the history of a deleted record stays.

create sequence revinfo_seq start with 1 increment by 50;

create table revinfo (
    rev       bigint        not null primary key,
    revtstmp  bigint        not null,
    username  varchar(200)  not null
);

create table study_aud (
    id                bigint        not null,
    rev               bigint        not null references revinfo (rev),
    revtype           smallint,
    study_key         varchar(80),
    title             varchar(500),
    citation          varchar(1000),
    doi               varchar(255),
    pmid              varchar(12),
    publication_year  integer,
    start_year        integer,
    phase             varchar(20),
    status            varchar(20),
    sponsor           varchar(300),
    institution       varchar(300),
    target            varchar(20),
    cell_source       varchar(20),
    gene_editing      varchar(20),
    vector            varchar(20),
    source_type       varchar(30),
    source_note       varchar(4000),
    version           bigint,
    created_at        timestamp(6) with time zone,
    updated_at        timestamp(6) with time zone,
    primary key (id, rev)
);

create table study_registry_id_aud (
    study_id     bigint       not null,
    rev          bigint       not null references revinfo (rev),
    revtype      smallint,
    position     integer      not null,
    registry_id  varchar(40)  not null,
    primary key (study_id, rev, position, registry_id)
);

create table study_country_aud (
    study_id  bigint        not null,
    rev       bigint        not null references revinfo (rev),
    revtype   smallint,
    position  integer       not null,
    country   varchar(100)  not null,
    primary key (study_id, rev, position, country)
);

create table cohort_aud (
    id                      bigint        not null,
    rev                     bigint        not null references revinfo (rev),
    revtype                 smallint,
    study_id                bigint,
    label                   varchar(200),
    disease                 varchar(40),
    enrolled                integer,
    female                  integer,
    median_age              double precision,
    dose                    varchar(500),
    dose_cells_per_kg       double precision,
    lymphodepletion         varchar(500),
    median_follow_up_months double precision,
    superseded_by_id        bigint,
    notes                   varchar(4000),
    version                 bigint,
    created_at              timestamp(6) with time zone,
    updated_at              timestamp(6) with time zone,
    primary key (id, rev)
);

create table outcome_aud (
    id                bigint        not null,
    rev               bigint        not null references revinfo (rev),
    revtype           smallint,
    cohort_id         bigint,
    measure           varchar(40),
    definition        varchar(500),
    events            integer,
    total             integer,
    timepoint_months  double precision,
    mean_value        double precision,
    sd_value          double precision,
    median_value      double precision,
    unit              varchar(50),
    notes             varchar(4000),
    source            varchar(500),
    version           bigint,
    created_at        timestamp(6) with time zone,
    updated_at        timestamp(6) with time zone,
    primary key (id, rev)
);
