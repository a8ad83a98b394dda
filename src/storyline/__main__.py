from storyline.cli import main

if __name__ == "__main__":  # a spawned Dask worker imports this module again; it must not run the CLI
    main()
