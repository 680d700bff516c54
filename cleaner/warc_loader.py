"""warcio's record loader, made to leave a response record labelled as a page (no HTTP header block) as its page, and to read a record's type and its URI's scheme in any case."""

from __future__ import annotations

from warcio.recordloader import ArcWarcRecordLoader

from cleaner.warc_reader import labelled_page

class PageAwareLoader(ArcWarcRecordLoader):
    """Parses a record's HTTP header block as warcio does, except in a response labelled as a
    page, where warcio would take the page's lines for headers and leave no payload."""

    def parse_record_stream(self, stream, statusline=None, known_format=None,
                            no_record_parse=False, ensure_http_headers=False,
                            check_digests=False):
        if no_record_parse or check_digests:
            # (a digest check starts its payload's digest after the header block: warcio's own)
            return super().parse_record_stream(stream, statusline, known_format,
                                               no_record_parse, ensure_http_headers,
                                               check_digests)
        record = super().parse_record_stream(stream, statusline, known_format, True)
        if isinstance(record.rec_type, str):
            # The format's types are lower case; a writer's 'Response' was skipped as a type of
            # its own, its page unread.
            record.rec_type = record.rec_type.lower()
        if not labelled_page(record):
            # (what warcio does after its own header parse, with the record it made)
            start = record.raw_stream.tell()
            uri = record.rec_headers.get_header("uri" if record.format == "arc"
                                                else "WARC-Target-URI")
            # (a scheme is case-insensitive: warcio reads no HTTP header block under HTTPS://)
            record.http_headers = self.load_http_headers(record.rec_type, _lower_scheme(uri),
                                                         record.raw_stream, record.length)
            if record.length and record.http_headers:
                record.payload_length = record.length - (record.raw_stream.tell() - start)
        if not record.http_headers and ensure_http_headers:
            record.http_headers = self.default_http_headers(record.length, record.content_type)
        return record


def _lower_scheme(uri: str | None) -> str | None:
    """The URI with its scheme (up to the first colon) in lower case.

    >>> _lower_scheme("HTTPS://thehill.com/A"), _lower_scheme("dns:x.id"), _lower_scheme(None)
    ('https://thehill.com/A', 'dns:x.id', None)
    """
    if not uri:
        return uri
    scheme, colon, rest = uri.partition(":")
    return scheme.lower() + colon + rest if colon else uri
