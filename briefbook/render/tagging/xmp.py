"""The XMP metadata of a tagged file: the document information dictionary's entries
in XMP, the PDF/UA identifier and, for an archival file, the PDF/A identification
with the extension schema that PDF/A requires to describe ``pdfuaid``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

_DATE = re.compile(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'\d\d'?)?")


@dataclass(frozen=True)
class DocumentInfo:
    """The entries of the file's information dictionary that XMP repeats."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    creator: str = ""
    producer: str = ""
    created: str = ""
    modified: str = ""
    trapped: str = ""


def xmp_date(value: str) -> str:
    """A PDF date (``D:20261202131354+00'00'``) as XMP writes it, or "" if unreadable."""
    found = _DATE.match(value)
    if found is None:
        return ""
    year, month, day, hour, minute, second, zone = found.groups()
    offset = zone[:3] + ":" + zone[4:6] if zone and zone != "Z" else (zone or "")
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{offset}"


def _element(tag: str, namespace: str, value: str, shape: str = "") -> str:
    prefix = tag.split(":")[0]
    text = escape(value)
    if shape == "Seq":
        text = f"<rdf:Seq><rdf:li>{text}</rdf:li></rdf:Seq>"
    elif shape == "Alt":
        text = f'<rdf:Alt><rdf:li xml:lang="x-default">{text}</rdf:li></rdf:Alt>'
    return f'<{tag} xmlns:{prefix}="{namespace}">{text}</{tag}>'


_DC = "http://purl.org/dc/elements/1.1/"
_PDF = "http://ns.adobe.com/pdf/1.3/"
_XMP = "http://ns.adobe.com/xap/1.0/"
_PDFUA = "http://www.aiim.org/pdfua/ns/id/"
_PDFA = "http://www.aiim.org/pdfa/ns/id/"


def xmp_packet(info: DocumentInfo, title: str, pdfa: bool) -> bytes:
    """The XMP packet: ``title`` as dc:title, the rest from ``info``."""
    parts = []
    if info.author:
        parts.append(_element("dc:creator", _DC, info.author, "Seq"))
    if info.subject:
        parts.append(_element("dc:description", _DC, info.subject, "Alt"))
    parts.append(_element("dc:title", _DC, title, "Alt"))
    if info.keywords:
        parts.append(_element("pdf:Keywords", _PDF, info.keywords))
    if info.producer:
        parts.append(_element("pdf:Producer", _PDF, info.producer))
    for tag, value in (("xmp:CreateDate", info.created), ("xmp:ModifyDate", info.modified)):
        if xmp_date(value):
            parts.append(_element(tag, _XMP, xmp_date(value)))
    if info.creator:
        parts.append(_element("xmp:CreatorTool", _XMP, info.creator))
    if info.trapped:
        parts.append(_element("pdf:Trapped", _PDF, info.trapped))
    parts.append(_element("pdfuaid:part", _PDFUA, "1"))
    if pdfa:
        parts.append(_element("pdfaid:part", _PDFA, "2"))
        parts.append(_element("pdfaid:conformance", _PDFA, "B"))
    description = '<rdf:Description rdf:about="">' + "".join(parts) + "</rdf:Description>"
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f" {description}{_PDFUA_SCHEMA if pdfa else ''}</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


#: PDF/A-2 admits only the XMP properties it defines or an extension schema describes:
#: this describes pdfuaid:part, the PDF/UA identifier.
_PDFUA_SCHEMA = """<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed\
</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""

__all__ = ["DocumentInfo", "xmp_date", "xmp_packet"]
