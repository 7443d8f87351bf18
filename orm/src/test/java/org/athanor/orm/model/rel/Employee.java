package org.athanor.orm.model.rel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An adjacency list: each employee's manager is an employee, and a manager's reports are employees. */
@Entity
@Table(name = "rel2_employee")
public class Employee {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @ManyToOne
    @JoinColumn(name = "manager_id")
    private Employee manager;
    @OneToMany(mappedBy = "manager")
    @OrderBy("name")
    private List<Employee> reports = new ArrayList<>();

    protected Employee() {}

    public Employee(String name, Employee manager) {
        this.name = name;
        this.manager = manager;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Employee getManager() { return manager; }
    public void setManager(Employee manager) { this.manager = manager; }
    public List<Employee> getReports() { return reports; }
    @Override public String toString() { return "Employee(" + name + ")"; }
}
