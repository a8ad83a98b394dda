"""Versioned schema migrations, the same for every store; each store records the last one applied
(SQLite in `PRAGMA user_version`, PostgreSQL in a schema_version table).

The scripts are written in SQLite's words. A store's dialect turns them into its own (types,
collation) and fills the few places where the databases genuinely differ, named in braces:
`{search_index}` (FTS5 here, tsvector + GIN there), `{vector}` (the type of an embedding column)
and `{story_rowid}` (SQLite's implicit rowid, an explicit column elsewhere). `end` is a reserved
word in PostgreSQL, hence "end" quoted everywhere."""

MIGRATIONS: list[str] = [
    # 1: articles, outlets, duplicate groups, stories and membership, with FTS5 over titles and text.
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        external_id TEXT,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        title TEXT,
        url TEXT,
        canonical_url TEXT UNIQUE,
        published TEXT,
        published_day TEXT,
        language TEXT,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL UNIQUE,
        origin TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published_day ON articles(published_day);
    CREATE INDEX articles_source ON articles(source_id);

    {search_index}

    -- Near-duplicate groups: `group_id` is the id of the group's first article.
    CREATE TABLE duplicates (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES articles(id),
        similarity REAL NOT NULL,
        signature BLOB NOT NULL,
        version TEXT NOT NULL
    );
    CREATE INDEX duplicates_group ON duplicates(group_id);

    CREATE TABLE vectors (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector {vector} NOT NULL,
        terms TEXT NOT NULL,
        version TEXT NOT NULL
    );

    CREATE TABLE stories (
        {story_rowid}id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_article TEXT REFERENCES articles(id),
        first_seen TEXT,
        last_seen TEXT,
        size INTEGER NOT NULL,
        centroid {vector} NOT NULL,
        terms TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        merged_into TEXT REFERENCES stories(id),
        version TEXT NOT NULL
    );
    CREATE INDEX stories_last_seen ON stories(last_seen);

    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED,
        score REAL NOT NULL,
        version TEXT NOT NULL,
        assigned_at TEXT NOT NULL
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    """,
    # 2: the analysis of later stages (entities, quotes, claims, timeline), each row with its stage version.
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        version TEXT NOT NULL,
        UNIQUE (name, type)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        version TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker_entity INTEGER REFERENCES entities(id),
        speaker TEXT,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        direct INTEGER NOT NULL,
        cue TEXT,
        venue TEXT,
        version TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id),
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('corroborated', 'single', 'conflict')),
        about TEXT,
        version TEXT NOT NULL
    );
    CREATE INDEX claims_story ON claims(story_id);
    CREATE TABLE claim_units (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value TEXT
    );
    CREATE TABLE timeline (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id),
        date TEXT NOT NULL,
        granularity TEXT NOT NULL CHECK (granularity IN ('day', 'month', 'year')),
        text TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        version TEXT NOT NULL
    );
    CREATE INDEX timeline_story ON timeline(story_id);
    """,
    # 3: story merges, so that the id of a story merged into another still resolves.
    """
    CREATE TABLE story_merges (
        source TEXT PRIMARY KEY REFERENCES stories(id),
        target TEXT NOT NULL REFERENCES stories(id),
        merged_at TEXT NOT NULL,
        version TEXT NOT NULL
    );
    """,
    # 4: subscribed feeds and the state of their polling.
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        source TEXT,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_success TEXT,
        last_error TEXT,
        next_poll TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
    );
    """,
    # 5: what the analysis finds in each article (names, quotes, dates), and each story's derived
    # brief (entities, quotes, claims, timeline, summary) as the stages last computed it. The
    # placeholder tables of migration 2 were never written and give way to these.
    """
    DROP TABLE claim_units;
    DROP TABLE claims;
    DROP TABLE timeline;
    DROP TABLE quotes;
    DROP TABLE mentions;
    DROP TABLE entities;
    CREATE TABLE article_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        title TEXT,
        title_start INTEGER,
        acronym TEXT,
        version TEXT NOT NULL
    );
    CREATE INDEX article_mentions_article ON article_mentions(article_id);
    CREATE INDEX article_mentions_text ON article_mentions(text);
    CREATE TABLE article_quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        direct INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        venue TEXT,
        venue_text TEXT,
        addressee TEXT,
        grp INTEGER NOT NULL,
        part INTEGER NOT NULL,
        version TEXT NOT NULL
    );
    CREATE INDEX article_quotes_article ON article_quotes(article_id);
    CREATE INDEX article_quotes_speaker ON article_quotes(speaker);
    CREATE TABLE article_times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        date TEXT NOT NULL,
        granularity TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        end_date TEXT,
        version TEXT NOT NULL
    );
    CREATE INDEX article_times_article ON article_times(article_id);
    CREATE TABLE analyzed (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version TEXT NOT NULL
    );
    CREATE TABLE story_briefs (
        story_id TEXT PRIMARY KEY REFERENCES stories(id),
        brief TEXT NOT NULL,
        size INTEGER NOT NULL,
        version TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 6: links between stories that continue one another (storylines are their connected groups).
    """
    CREATE TABLE story_links (
        a TEXT NOT NULL REFERENCES stories(id),
        b TEXT NOT NULL REFERENCES stories(id),
        score REAL NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE INDEX story_links_b ON story_links(b);
    """,
    # 7: what each feed entry looked like when last fetched, so that an edited entry is fetched again.
    """
    CREATE TABLE feed_entries (
        link TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    """,
    # 8: a headline made from the lead for an article that came without one, marked as made, and a
    # story named by such a headline marked the same way.
    """
    ALTER TABLE articles ADD COLUMN title_generated INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN title_generated INTEGER NOT NULL DEFAULT 0;
    """,
    # 9: what the user says about each outlet (`storyline sources import`): homepage, country,
    # language, owner, and labels of their own choosing (a lean, a kind), one row per label.
    """
    ALTER TABLE sources ADD COLUMN homepage TEXT;
    ALTER TABLE sources ADD COLUMN country TEXT;
    ALTER TABLE sources ADD COLUMN language TEXT;
    ALTER TABLE sources ADD COLUMN owner TEXT;
    CREATE TABLE source_labels (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (source_id, key)
    );
    CREATE INDEX source_labels_key ON source_labels(key, value);
    """,
    # 10: the runs of words each article quotes (storyline.quoted_runs), which revision merges the
    # stories of reports quoting one passage by; articles stored before have none.
    """
    ALTER TABLE vectors ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
    """,
    # 11: the source a quotation's article gives without naming anyone ("a campaign aide"), where its
    # speaker is null, and where it stands; quotations stored before have none.
    """
    ALTER TABLE article_quotes ADD COLUMN unnamed_source TEXT;
    ALTER TABLE article_quotes ADD COLUMN unnamed_start INTEGER;
    ALTER TABLE article_quotes ADD COLUMN unnamed_end INTEGER;
    """,
    # 12: what a run asks of the stories table at every chunk and every merge, indexed, so that it costs
    # the rows it finds rather than a read of every story ever stored: the newest save (`max(updated_at)`)
    # and the stories saved since (another run's catch-up), and the stories merged into one that merges
    # in turn (the index holds merged stories only; the live ones are asked for by other columns).
    """
    CREATE INDEX stories_updated ON stories(updated_at);
    CREATE INDEX stories_merged ON stories(merged_into) WHERE merged_into IS NOT NULL;
    """,
    # 13: what changed across each storyline's stories (progressions.py), made where briefs are made, with
    # the signature of the stories it was made from (their ids, sizes and briefs' digests): a storyline
    # whose stories changed since is shown none of it until it is made again, never a stale one. Briefs
    # stored before have no digest until they are made again.
    """
    ALTER TABLE story_briefs ADD COLUMN digest TEXT;
    CREATE TABLE storyline_progressions (
        storyline_id TEXT PRIMARY KEY,
        signature TEXT NOT NULL,
        progressions TEXT NOT NULL,
        version TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 14: the stories whose storylines owe their progressions (progressions.py): marked in the transaction
    # that changes one (a brief saved, a story merged away, a link dropped: the story at its other end) and
    # cleared once their storylines' progressions are kept, so that an ingest checks those storylines alone
    # and one killed before its progressions leaves them to the next. '*' owes every storyline: a database
    # an older version wrote with storylines in it, whose runs marked nothing, is checked whole by its next
    # ingest (a new one holds none, and nothing is owed).
    """
    CREATE TABLE progressions_owed (
        story_id TEXT PRIMARY KEY,
        mark TEXT NOT NULL
    );
    INSERT INTO progressions_owed(story_id, mark) SELECT '*', 'migration 14' WHERE EXISTS (SELECT 1 FROM story_links);
    """,
    # 15: the stories whose storyline links are owed (briefing.relink_stories): marked in the transaction
    # that saves a story's brief and cleared in the one that makes its links, so that a run killed between
    # the two leaves them to the next run, which would otherwise find the brief whole and ask for nothing.
    # A database an older version wrote starts with none owed: its runs made their links or left no trace.
    """
    CREATE TABLE links_owed (
        story_id TEXT PRIMARY KEY,
        mark TEXT NOT NULL
    );
    """,
    # 16: the articles placed whose stories are not yet revised (pipeline._assign), each marked with its
    # run in the transaction that stores its chunk and cleared in the one that writes the run's revision,
    # and when each run that placed them was last seen storing a chunk: so that a run killed between the
    # two leaves their stories to a later run (or `check --repair`) to revise, where they would otherwise
    # stay as placed, while a run still placing is left to revise its own. A database an older version
    # wrote starts with none owed.
    """
    CREATE TABLE revision_owed (
        article_id TEXT PRIMARY KEY,
        mark TEXT NOT NULL
    );
    CREATE TABLE placing_runs (
        mark TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
    );
    """,
    # 17: how many runs have tried to revise what a gone run placed (store.owed.TRIES): a revision that
    # raises on those articles (a fault in the code, not the data) is given up after so many tries,
    # where every later ingest would otherwise try it again and fail.
    """
    ALTER TABLE placing_runs ADD COLUMN tries INTEGER NOT NULL DEFAULT 0;
    """,
    # 18: how many articles carry each word of their whole text (storyline.shared_words), for the weights
    # that tell two reports of one event by the words they share; the row of the empty word counts the
    # articles counted. Articles stored before are not counted: the counts start with this version, and
    # the words are not weighed until enough articles are counted (shared_words.MIN_DOCUMENTS).
    """
    CREATE TABLE word_documents (
        word TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    );
    """,
]
