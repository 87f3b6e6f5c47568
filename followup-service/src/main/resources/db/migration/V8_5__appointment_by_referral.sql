-- A referral's appointments, read for every appointment event: by index, not a scan of every appointment.
create index appointment_referral on appointment (referral_id, start_at);
