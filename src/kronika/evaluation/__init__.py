"""`kronika eval`: score kronika against gold annotations in the shared/eval/FORMAT.md layout."""
from kronika.evaluation.runner import evaluate_file, print_report

__all__ = ["evaluate_file", "print_report"]
