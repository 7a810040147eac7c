"""Voice interviews run by an external agent (ElevenLabs): start credentials, transcripts, audio.

`provider` holds the vendor-neutral Protocol and results, `elevenlabs_provider` the real client,
`transcript_sync` stores a conversation's turns on the server, `webhooks` checks signatures.
"""
