package org.athanor.examples.relationships;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One side of a one-to-many: a department's employees (the foreign key is Employee.department's column). */
@Entity
@Table(name = "department")
public class Department {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @OneToMany(mappedBy = "department")
    @OrderBy("name")
    private List<Employee> employees = new ArrayList<>();

    protected Department() {}

    public Department(String name) { this.name = name; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Employee> getEmployees() { return employees; }
    @Override public String toString() { return "Department(" + name + ")"; }
}
