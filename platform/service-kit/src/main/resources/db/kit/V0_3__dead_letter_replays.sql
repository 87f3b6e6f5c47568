-- Dead letters a member of staff sent back to their topic: a dead letter is replayed at most once.
create table dead_letter_replay (
    topic          text        not null,
    partition_no   int         not null,
    dead_offset    bigint      not null,
    original_topic text        not null,
    replayed_at    timestamptz not null default now(),
    primary key (topic, partition_no, dead_offset)
);
