-- H2 only: db/migration-h2 is read when the build's db-kind is h2. PostgreSQL keeps all of these indexes.
-- Measured on the 2-core bench machine, importing 100,000 studies (2 million outcomes) with bench/run.sh's data:
-- 151 s with the four indexes below and 108 s without them (both logged in with HTTP Basic); without only the first
-- three, 141 s logged in with a JWT (which saves about 4.5 s of bcrypt checks).

-- H2 creates an index for every foreign key by itself, so there V1's explicit indexes on the foreign-key columns
-- are second copies of the same index, which every row written paid for twice, on insert and again on commit.
-- PostgreSQL creates no index for a foreign key: there V1's are the only ones.
drop index ix_outcome_cohort;        -- = the index of outcome.cohort_id's foreign key
drop index ix_cohort_study;          -- = the index of cohort.study_id's foreign key (and uk_cohort_label's prefix)
drop index ix_cohort_superseded_by;  -- = the index of cohort.superseded_by_id's foreign key

-- Seven values over every outcome: on H2 the index cost about a quarter of an import's time. What it served alone was
-- an outcome list filtered by measure without a cohort (its count then reads every outcome: about 7 s at 2 million,
-- once per change of the data, as answers are kept until the next write). Pooling and the lists of a cohort's
-- outcomes go through the cohort and did not use it.
drop index ix_outcome_measure;
