-- Why the course ended, as the clinician confirmed it (CourseEndReason names, comma-separated): the patient's
-- message names the actual reason. Null for contacts whose course goes on or ended before this was kept.
alter table contact add column course_end_reasons text;
