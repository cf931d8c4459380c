from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("MEDGUARD_"):
            monkeypatch.delenv(key)


def test_shipped_config_loads_with_embedded_defaults() -> None:
    settings = load_settings(REPO / "config.toml")
    assert settings.telegram.token is None
    assert settings.telegram.framework == "aiogram"
    assert settings.storage.resolved_database_url() == "sqlite+aiosqlite:///data/medguard.db"
    assert settings.storage.redis_url == ""
    assert settings.policy.warn_limit == 3
    assert settings.stats.min_cell == 5


def test_environment_overrides_every_section(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDGUARD_TELEGRAM_TOKEN", "123:abc")
    monkeypatch.setenv("MEDGUARD_TELEGRAM_API_BASE", "http://127.0.0.1:8081")
    monkeypatch.setenv("MEDGUARD_STORAGE_DATABASE_URL", "postgresql+asyncpg://u@h/db")
    monkeypatch.setenv("MEDGUARD_STORAGE_REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("MEDGUARD_MODERATION_MODERATOR_CHAT_ID", "-1001234567890")
    monkeypatch.setenv("MEDGUARD_MODERATION_MODERATOR_IDS", "[5, 6]")
    monkeypatch.setenv("MEDGUARD_POLICY_DRY_RUN", "true")
    settings = load_settings(REPO / "config.toml")
    assert settings.telegram.token is not None
    assert settings.telegram.token.get_secret_value() == "123:abc"
    assert settings.telegram.api_base == "http://127.0.0.1:8081"
    assert settings.storage.resolved_database_url() == "postgresql+asyncpg://u@h/db"
    assert settings.moderation.moderator_chat_id == -1001234567890
    assert settings.moderation.moderator_ids == [5, 6]
    assert settings.policy.dry_run is True
    assert "123:abc" not in settings.model_dump_json()


def test_config_path_selects_another_file(tmp_path: Path) -> None:
    path = tmp_path / "other.toml"
    path.write_text('[telegram]\nframework = "ptb"\n[policy]\nwarn_limit = 5\n')
    settings = load_settings(path)
    assert settings.telegram.framework == "ptb"
    assert settings.policy.warn_limit == 5


@pytest.mark.parametrize(
    ("content", "env", "key"),
    [
        ('[telegram]\nframework = "tdlib"\n', {}, "telegram.framework"),
        ("[policy]\nwarn_limit = 0\n", {}, "policy.warn_limit"),
        ("[policy]\nwarn_limitt = 3\n", {}, "policy.warn_limitt"),
        ('[telegram]\napi_base = "http://host:8081/bot"\n', {}, "telegram.api_base"),
        ('[storage]\ndatabase_url = "sqlite:///x.db"\n', {}, "storage.database_url"),
        ("[classifier.thresholds]\nquestionn = 0.5\n", {}, "classifier.thresholds"),
        ("", {"MEDGUARD_MODERATION_MODERATOR_CHAT_ID": "abc"}, "moderation.moderator_chat_id"),
        ("", {"MEDGUARD_TELEGRAM_TOKEN": "not a token"}, "telegram.token"),
    ],
)
def test_invalid_config_names_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, env: dict[str, str], key: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert key in str(caught.value)


def test_broken_toml_and_missing_file_are_clear(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[telegram\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(broken)
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(tmp_path / "missing.toml")
