-- Full reindexes of the catalogue: progress that every app instance can show, and at most one at a time.
create table search_reindex (
    id           uuid        primary key,
    requested_by uuid        references user_account (id) on delete set null,
    status       varchar(12) not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    index_name   varchar(200),
    total        bigint      not null default 0,
    indexed      bigint      not null default 0,
    replayed     bigint      not null default 0,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    finished_at  timestamptz,
    failure      text
);
create unique index search_reindex_one_running on search_reindex ((true)) where status = 'RUNNING';
create index search_reindex_started_idx on search_reindex (started_at desc);
