-- Messages are sent by due time: senders claim the due PLANNED rows in batches (FOR UPDATE SKIP LOCKED) instead
-- of one db-scheduler timer per message. The partial index holds only what is still to be sent.
create index message_due on message (due_at) where status = 'PLANNED';

-- Failed attempts so far (mail server down, gateway throttling), for the growing pause before the next one.
alter table message add column attempts int not null default 0;

-- When a claimed message was about to be handed to its channel (mail server, SMS gateway). A batch is claimed at
-- once, but each message is marked just before it goes: after a crash only a handed one is in doubt; one that was
-- claimed and never handed is planned again.
alter table message add column handed_at timestamptz;
