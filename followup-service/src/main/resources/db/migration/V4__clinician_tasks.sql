-- A side effect a clinician should know about without an emergency (a drooping eyelid alone, neck weakness): the
-- answer is a task on the clinicians' list until one of them marks it done (handled_at, handled_by).
alter table follow_up_answer add column clinician_task boolean not null default false;
create index follow_up_answer_task on follow_up_answer (answered_at desc) where clinician_task;
