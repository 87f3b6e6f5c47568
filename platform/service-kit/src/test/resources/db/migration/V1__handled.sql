create table handled (
    event_id uuid not null,
    reason   text not null
);
