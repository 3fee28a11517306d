create sequence note_seq start with 1 increment by 50;
create table note (id bigint not null primary key, text varchar(255));
