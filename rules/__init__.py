"""Rule packs shipped with cleaner: common.toml, lang/<code>.toml, sites/<host>.toml."""
