-- The version of the patient's calendar entry for each visit (iCalendar SEQUENCE): 0 when booked, one more at every
-- move and when it is cancelled or missed. The .ics download and follow-up's mails carry the same number, so the
-- patient's calendar moves or removes its one entry instead of adding another.
alter table appointment add column calendar_sequence int not null default 0;
