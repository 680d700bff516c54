"""The run's figures count the records that carry each flag, in --stats (`flags`), in the
summary after `flagged`, across workers' tallies and over a resume."""

from __future__ import annotations

from cleaner.stats import RunStats


def _record(*flags: str) -> dict:
    return {"meta": {"site": "n.id"}, "removed": [],
            "flags": [{"flag": flag, "reason": "..."} for flag in flags]}


def test_each_flag_counts_the_records_that_carry_it_in_stats_and_summary():
    stats, tally = RunStats(), RunStats(max_sites=None)
    stats.add_record(_record("truncated-page", "guessed-charset"), 10)
    tally.add_record(_record("guessed-charset", "guessed-charset"), 10)    # (once a record)
    tally.add_record(_record(), 10)
    stats.merge(tally)
    assert stats.flagged == 2
    assert stats.as_dict()["flags"] == {"guessed-charset": 2, "truncated-page": 1}
    assert stats.summary().splitlines()[0] == (
        "read 0 documents, wrote 3, rejected 0, flagged 2 (2 guessed-charset, 1 truncated-page)")


def test_the_flag_counts_survive_a_checkpoint():
    stats = RunStats()
    stats.add_record(_record("no-language"), 10)
    resumed = RunStats()
    resumed.restore(stats.state())
    assert resumed.as_dict()["flags"] == {"no-language": 1}
    older = {key: value for key, value in stats.state().items() if key != "flag_counts"}
    resumed.restore(older)          # (a manifest an earlier version wrote has none)
    assert resumed.as_dict()["flags"] == {}
