-- H2 only (see V4). V3's audit tables each point at revinfo with a foreign key, and H2 keeps an index for every
-- foreign key; nothing reads the audit tables by revision alone (a record's history is read by its id, the
-- primary key's first column), so on H2 each of these indexes was only written, once per audited row.
-- Measured on the 2-core bench machine, importing the bench's 100,000 studies (2 million outcomes, JWT login),
-- back to back on fresh data folders: 99.0 s with these keys, 84.4 s without.
-- What is given up: H2 no longer checks that an audit row's revision exists. Envers and the import (NewRecords)
-- always write the revision first, in the same transaction. PostgreSQL keeps the keys (it indexes none of them).
-- V3 leaves the keys unnamed; H2 names a table's constraints from the table's name, in the order they are created,
-- so these are the same on every H2 database (schema/IndexesTest fails if a key is left or a primary key is gone).
alter table study_aud drop constraint if exists constraint_3;
alter table study_registry_id_aud drop constraint if exists constraint_8;
alter table study_country_aud drop constraint if exists constraint_ee;
alter table cohort_aud drop constraint if exists constraint_cb;
alter table outcome_aud drop constraint if exists constraint_b;
