-- Who acted, as the event that reported it says: the staff account of a booking, cancellation, no-show or treatment,
-- the clinician of an eligibility decision; null when the system did it. The referral page's audit trail shows these.
alter table referral_event add column actor text;
