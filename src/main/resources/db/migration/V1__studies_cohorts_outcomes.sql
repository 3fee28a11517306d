-- Portable SQL: the same migration runs on H2 (embedded default) and PostgreSQL.
-- Ids come from sequences (pooled by 50) rather than identity columns so that Hibernate can batch inserts.

create sequence study_seq start with 1 increment by 50;
create sequence cohort_seq start with 1 increment by 50;
create sequence outcome_seq start with 1 increment by 50;

create table study (
    id                bigint        not null primary key,
    study_key         varchar(80)   not null,
    title             varchar(500)  not null,
    citation          varchar(1000),
    doi               varchar(255),
    pmid              varchar(12),
    publication_year  integer,
    start_year        integer,
    phase             varchar(20)   not null,
    status            varchar(20)   not null,
    sponsor           varchar(300),
    institution       varchar(300),
    target            varchar(20)   not null,
    cell_source       varchar(20)   not null,
    gene_editing      varchar(20),
    vector            varchar(20),
    source_type       varchar(30)   not null,
    source_note       varchar(4000),
    version           bigint        not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    constraint uk_study_key unique (study_key)
);
create index ix_study_phase on study (phase);
create index ix_study_status on study (status);
create index ix_study_target on study (target);
create index ix_study_cell_source on study (cell_source);
create index ix_study_gene_editing on study (gene_editing);
create index ix_study_source_type on study (source_type);
create index ix_study_publication_year on study (publication_year);
create index ix_study_updated_at on study (updated_at);

-- Registry ids are not unique across studies: two reports of one trial share its registry id.
create table study_registry_id (
    study_id     bigint      not null references study (id),
    position     integer     not null,
    registry_id  varchar(40) not null,
    primary key (study_id, position)
);
create index ix_study_registry_id on study_registry_id (registry_id);

create table study_country (
    study_id  bigint       not null references study (id),
    position  integer      not null,
    country   varchar(100) not null,
    primary key (study_id, position)
);
create index ix_study_country on study_country (country);

create table cohort (
    id                      bigint        not null primary key,
    study_id                bigint        not null references study (id),
    label                   varchar(200)  not null,
    disease                 varchar(40)   not null,
    enrolled                integer       not null,
    female                  integer,
    median_age              double precision,
    dose                    varchar(500),
    dose_cells_per_kg       double precision,
    lymphodepletion         varchar(500),
    median_follow_up_months double precision,
    superseded_by_id        bigint        references cohort (id),
    notes                   varchar(4000),
    version                 bigint        not null,
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    constraint uk_cohort_label unique (study_id, label),
    constraint ck_cohort_enrolled check (enrolled >= 1),
    constraint ck_cohort_female check (female is null or (female >= 0 and female <= enrolled))
);
create index ix_cohort_study on cohort (study_id);
create index ix_cohort_disease on cohort (disease);
create index ix_cohort_superseded_by on cohort (superseded_by_id);
create index ix_cohort_updated_at on cohort (updated_at);

create table outcome (
    id                bigint        not null primary key,
    cohort_id         bigint        not null references cohort (id),
    measure           varchar(40)   not null,
    definition        varchar(500),
    events            integer       not null,
    total             integer       not null,
    timepoint_months  double precision,
    mean_value        double precision,
    sd_value          double precision,
    median_value      double precision,
    unit              varchar(50),
    notes             varchar(4000),
    source            varchar(500),
    version           bigint        not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    constraint ck_outcome_counts check (events >= 0 and events <= total)
);
create index ix_outcome_cohort on outcome (cohort_id);
create index ix_outcome_measure on outcome (measure);
create index ix_outcome_updated_at on outcome (updated_at);
