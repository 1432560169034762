#!/usr/bin/env python3
"""Writes customers.csv: the demographics a relational CRM would hold for the customers of
items.jsonl (same usernames, cities and sign-up times), with gender and birth year added.

The demo loads it into PostgreSQL as rds.public.customers, next to the DynamoDB table, for the
federated queries in federated.sql. Deterministic: run `python3 customers.py` after
generate.py; the seed is fixed.
"""
import csv
import json
import random

SEED = 20261202


def main():
    rng = random.Random(SEED)
    rows = []
    with open("items.jsonl", encoding="utf-8") as items:
        for line in items:
            item = json.loads(line)
            if item["Type"]["S"] != "Customer":
                continue
            rows.append({
                "username": item["Username"]["S"],
                "full_name": item["Name"]["S"],
                "gender": rng.choice(["female", "male", "female", "male", "non-binary"]),
                "birth_year": rng.randint(1950, 2006),
                "city": item["Address"]["M"]["City"]["S"],
                "created_at": item["CreatedAt"]["S"],
            })
    rows.sort(key=lambda r: r["username"])
    with open("customers.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
