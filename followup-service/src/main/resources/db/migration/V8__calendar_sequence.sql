-- The version of the patient's calendar entry for each visit, as scheduling counts it (iCalendar SEQUENCE): the
-- invitation attached to a confirmation, move, cancellation or missed-visit mail carries it, so the patient's
-- calendar moves or removes its one entry.
alter table appointment add column calendar_sequence int not null default 0;
