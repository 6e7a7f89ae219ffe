"""Settings: one table, layered defaults < config file < options, validated."""

import pytest
import yaml

from dyad.settings import SETTINGS, Settings, SettingsError, load_settings


def test_settings_table_matches_dataclass():
    assert [s.name for s in SETTINGS] == list(Settings.__dataclass_fields__)
    assert all(s.help for s in SETTINGS)


def test_settings_layering(tmp_path):
    config = tmp_path / "dyad.yaml"
    config.write_text("workers: 3\nbatch-size: 10\nactors_files: mine.yaml\n")
    settings = load_settings(config, workers=2, outlet=None)
    assert settings.workers == 2  # the option wins over the file
    assert settings.batch_size == 10  # the file wins over the default
    assert settings.actors_files == ["mine.yaml"]
    assert settings.outlet is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("wokers: 2\n", "unknown setting 'wokers'"),
        ("workers: many\n", "workers must be int"),
        ("workers: 0\n", "workers must be at least 1"),
        ("- a list\n", "must be a mapping"),
        ("workers: [\n", "not valid YAML"),
    ],
)
def test_settings_bad_config_is_refused(tmp_path, content, message):
    config = tmp_path / "dyad.yaml"
    config.write_text(content)
    with pytest.raises(SettingsError, match=message):
        load_settings(config)


def test_settings_missing_config_file(tmp_path):
    with pytest.raises(SettingsError, match="cannot read config file"):
        load_settings(tmp_path / "absent.yaml")


def test_settings_env_config(tmp_path, monkeypatch):
    config = tmp_path / "env.yaml"
    config.write_text("repeat_threshold: 5\n")
    monkeypatch.setenv("DYAD_CONFIG", str(config))
    assert load_settings().repeat_threshold == 5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("Yes", True),
        ("off", False),
        ("0", False),
        (1, True),
        ("maybe", None),
        ("", None),
    ],
)
def test_boolean_settings(tmp_path, value, expected):
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump({"allow_private_urls": value}))
    if expected is None:
        with pytest.raises(SettingsError, match="allow_private_urls must be true or false"):
            load_settings(config)
    else:
        assert load_settings(config).allow_private_urls is expected


@pytest.mark.parametrize("deadline", [0, -1])
def test_fetch_deadline_must_be_positive(deadline):
    with pytest.raises(SettingsError, match="fetch_deadline"):
        load_settings(None, fetch_deadline=deadline)
