#!/usr/bin/env python3
# Writes the fictional families of the load benchmarks (bench/lib.sh: make_families):
# OUT/families.csv (the columns of `noodbel families import`, also read by bench/peer) and
# OUT/numbers.txt (their SMS numbers, for webhook_load). Same seed, same families every time.
# Usage: bench/families.py OUT COUNT
import csv
import random
import sys

out_dir, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
rows = [r for r in csv.DictReader(open("config/be-postcodes.csv")) if r["region"] == "VLG"]
with open(f"{out_dir}/families.csv", "w") as out, open(f"{out_dir}/numbers.txt", "w") as numbers:
    out.write("id,service,name,contacts,postcode,max_km,min_age,max_age,max_children,"
              "languages,availability,paused_until,opted_in,preferred_language\n")
    for i in range(n):
        pc = random.choice(rows)["postcode"]
        service = {"8": "west-vlaanderen", "9": "oost-vlaanderen", "2": "antwerpen",
                   "3": "limburg" if pc >= "3500" else "vlaams-brabant-brussel",
                   "1": "vlaams-brabant-brussel"}[pc[0]]
        number = f"+3247{i:07d}"
        numbers.write(number + "\n")
        out.write(f"F{i:04d},{service},Gezin {i},sms:{number},{pc},{random.choice([15, 30, 50])},"
                  f"0,{random.choice([6, 12, 18])},{random.choice([1, 2])},nl,,,yes,nl\n")
