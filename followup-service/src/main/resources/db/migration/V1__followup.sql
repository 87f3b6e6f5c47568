-- db-scheduler's table: the durable timers (one row per planned message or cycle check).
create table scheduled_tasks (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- How to reach each referral's patient (from ReferralSubmitted); no names are ever received.
create table contact (
    referral_id        uuid primary key,
    email              text,
    phone              text,
    time_zone          text not null,
    preferred_channel  text not null,
    email_opted_out    boolean not null default false,
    sms_opted_out      boolean not null default false,
    withdrawn          boolean not null default false,
    course_ended       boolean not null default false
);
create index contact_phone on contact (phone);

create table appointment (
    id           uuid primary key,
    referral_id  uuid        not null,
    cycle        int         not null,
    start_at     timestamptz not null,
    end_at       timestamptz not null,
    provider     text,
    location     text        not null,
    clinic_zone  text        not null,
    status       text        not null
);

-- Every message planned or sent. The unique key is the guard against sending anything twice:
-- a message is claimed (PLANNED -> SENDING) in its own transaction before it goes out.
create table message (
    id             uuid primary key,
    referral_id    uuid        not null,
    subject_key    text        not null,
    kind           text        not null,
    channel        text        not null,
    label          text        not null,
    appointment_id uuid,
    cycle          int,
    due_at         timestamptz not null,
    status         text        not null,
    reason         text,
    sent_at        timestamptz,
    created_at     timestamptz not null,
    unique (subject_key, kind, channel, label)
);
create index message_referral on message (referral_id, due_at);

create table follow_up_answer (
    id                    uuid primary key,
    referral_id           uuid        not null,
    cycle                 int         not null,
    kind                  text        not null,
    headache_days_last30  int,
    side_effects          text        not null,
    urgent                boolean     not null,
    answered_at           timestamptz not null
);
