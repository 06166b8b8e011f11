"""Document tasks: chronology, summaries, people, inconsistencies, medication and problem lists."""
