from editor.cli import main

raise SystemExit(main())
