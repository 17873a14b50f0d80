from plainlint.cli import main

main()
